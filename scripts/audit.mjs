// Dependency audit for CI: `npm audit --omit=dev --audit-level=high --json`, failing on high or critical
// findings in the shipped dependencies. When the advisory endpoint cannot be reached (offline, a proxy or a
// registry mirror that answers 405), it says "audit endpoint unreachable" and exits 0 with a warning.
// Usage: node scripts/audit.mjs
import { spawnSync } from 'node:child_process';

const ARGS = ['audit', '--omit=dev', '--audit-level=high', '--json'];
/** Signs in npm's answer that the advisory service was never reached. */
const UNREACHABLE = /audit endpoint returned an error|advisories\/bulk|\b(405|404|403|502|503|504)\b|ENOTFOUND|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EAI_AGAIN|network|offline|proxy/i;

const result = spawnSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ARGS, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
if (result.error) {
  console.error(`audit: could not run npm (${result.error.message}).`);
  process.exit(1);
}

const parse = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};
const report = parse(result.stdout);

const vulnerabilities = report?.metadata?.vulnerabilities;
if (!vulnerabilities) {
  const reason = [report?.message, report?.error?.summary, result.stderr].filter((t) => typeof t === 'string' && t.trim() !== '').join('\n').trim();
  if (UNREACHABLE.test(reason)) {
    const first = reason.split('\n').find((line) => UNREACHABLE.test(line)) ?? reason;
    console.warn(`audit: WARNING audit endpoint unreachable, dependencies were NOT checked (${first.replace(/^npm (warn|error) /, '').trim()}).`);
    process.exit(0);
  }
  console.error(`audit: npm audit gave no readable answer (exit code ${result.status}). ${reason.split('\n')[0] ?? ''}`.trim());
  process.exit(1);
}

const high = (vulnerabilities.high ?? 0) + (vulnerabilities.critical ?? 0);
const counts = ['critical', 'high', 'moderate', 'low', 'info'].map((level) => `${vulnerabilities[level] ?? 0} ${level}`).join(', ');
if (high > 0) {
  const names = Object.entries(report.vulnerabilities ?? {})
    .filter(([, v]) => v && (v.severity === 'high' || v.severity === 'critical'))
    .map(([name, v]) => `${name} (${v.severity}${v.fixAvailable ? ', fix available: npm audit fix' : ''})`);
  console.error(`audit: ${high} high or critical finding${high === 1 ? '' : 's'} in production dependencies: ${names.join('; ') || 'see npm audit'}. (${counts})`);
  process.exit(1);
}
console.log(`audit: no high or critical findings in production dependencies (${counts}).`);
