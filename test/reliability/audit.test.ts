/** scripts/audit.mjs, run against a stand-in npm that answers as the registry would: clean, findings, unreachable, nonsense. */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SCRIPT = path.resolve(__dirname, '../../scripts/audit.mjs');

const counts = (high: number, critical: number, moderate = 0) => ({ info: 0, low: 0, moderate, high, critical, total: high + critical + moderate });
const ANSWERS: Record<string, { stdout: string; stderr: string; code: number }> = {
  clean: { stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: counts(0, 0) } }), stderr: '', code: 0 },
  moderate: { stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: { 'some-lib': { severity: 'moderate' } }, metadata: { vulnerabilities: counts(0, 0, 2) } }), stderr: '', code: 0 },
  high: { stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: { 'bad-zip': { severity: 'high', fixAvailable: true }, 'ok-lib': { severity: 'low' } }, metadata: { vulnerabilities: counts(1, 0) } }), stderr: '', code: 1 },
  critical: { stdout: JSON.stringify({ auditReportVersion: 2, vulnerabilities: { 'evil-xml': { severity: 'critical', fixAvailable: false } }, metadata: { vulnerabilities: counts(0, 1) } }), stderr: '', code: 1 },
  // What this machine's registry really answers (npm 10): a 405 for the bulk advisory endpoint.
  unreachable: {
    stdout: JSON.stringify({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, body: '', error: { summary: '', detail: '' } }),
    stderr: 'npm warn audit 405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk\nnpm error audit endpoint returned an error\n',
    code: 1,
  },
  offline: { stdout: '', stderr: 'npm error code ENOTFOUND\nnpm error network request to https://registry.npmjs.org failed\n', code: 1 },
  nonsense: { stdout: 'this is not json', stderr: 'npm error something else went wrong\n', code: 1 },
};

/** Runs the audit script with a stand-in `npm` first on the PATH that gives `answer`. */
function audit(answer: keyof typeof ANSWERS): { code: number | null; stdout: string; stderr: string } {
  const bin = mkdtempSync(path.join(os.tmpdir(), 'pa-fake-npm-'));
  const reply = ANSWERS[answer]!;
  writeFileSync(path.join(bin, 'reply.json'), JSON.stringify(reply));
  writeFileSync(path.join(bin, 'npm'), `#!${process.execPath}
const reply = require(${JSON.stringify(path.join(bin, 'reply.json'))});
if (process.argv.slice(2).join(' ') !== 'audit --omit=dev --audit-level=high --json') { console.error('unexpected arguments'); process.exit(9); }
process.stdout.write(reply.stdout); process.stderr.write(reply.stderr); process.exit(reply.code);
`);
  chmodSync(path.join(bin, 'npm'), 0o755);
  const result = spawnSync(process.execPath, [SCRIPT], { encoding: 'utf8', env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}` } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the dependency audit (scripts/audit.mjs)', () => {
  it('passes when production dependencies have no findings, or only moderate ones', () => {
    expect(audit('clean')).toMatchObject({ code: 0, stdout: expect.stringContaining('no high or critical findings') });
    expect(audit('moderate')).toMatchObject({ code: 0, stdout: expect.stringContaining('2 moderate') });
  });

  it('fails on a high or a critical finding and names the package', () => {
    const high = audit('high');
    expect(high.code).toBe(1);
    expect(high.stderr).toContain('bad-zip (high, fix available: npm audit fix)');
    expect(high.stderr).not.toContain('ok-lib');
    const critical = audit('critical');
    expect(critical.code).toBe(1);
    expect(critical.stderr).toContain('evil-xml (critical)');
  });

  it('says "audit endpoint unreachable" and exits 0 with a warning when the registry refuses or cannot be reached', () => {
    for (const answer of ['unreachable', 'offline'] as const) {
      const run = audit(answer);
      expect(run.code).toBe(0);
      expect(run.stderr).toMatch(/^audit: WARNING audit endpoint unreachable, dependencies were NOT checked/);
    }
  });

  it('fails when npm gives an answer it cannot read, rather than pass silently', () => {
    const run = audit('nonsense');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('npm audit gave no readable answer');
  });
});
