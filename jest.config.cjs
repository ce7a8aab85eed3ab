/** Jest: TypeScript through ts-jest (type checking is `npm run typecheck`'s job, so transpile only). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'ES2020', esModuleInterop: true, isolatedModules: true } }] },
  testTimeout: 60000,
};
