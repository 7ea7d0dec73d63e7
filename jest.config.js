/** Two projects: the mock's own tests (unit + HTTP) and the contract suite, which runs against any target. */
// ts-jest transpiles each file on its own (tsconfig has isolatedModules); `npm run typecheck` checks types.
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }],
};

/** @type {import('jest').Config} */
module.exports = {
  // The machine running CI is shared and noisy; no test measures time, this only stops hangs.
  testTimeout: 30_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: [
        '<rootDir>/spec/**/*.test.ts',
        '<rootDir>/mock-server/**/*.test.ts',
        '<rootDir>/fixtures/**/*.test.ts',
        // The benchmarks' own logic (plain Node scripts, run as they are).
        '<rootDir>/bench/**/*.test.js',
      ],
    },
    {
      displayName: 'contract',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/contract-tests/**/*.test.ts'],
      // The kit's own self-tests (target detection, reporter, matcher) run against the in-process
      // mock only; a run against an external target is the suite alone.
      testPathIgnorePatterns: process.env.ACOUNTPAY_BASE_URL
        ? ['/node_modules/', '<rootDir>/contract-tests/support/']
        : [],
      globalSetup: '<rootDir>/contract-tests/support/global-setup.ts',
      setupFilesAfterEnv: ['<rootDir>/contract-tests/support/setup.ts'],
    },
  ],
  reporters: [
    'default',
    [
      'jest-junit',
      { outputDirectory: process.env.CONTRACT_REPORT_DIR || '<rootDir>/reports/contract', outputName: 'junit.xml' },
    ],
    '<rootDir>/contract-tests/support/jest-reporter.js',
  ],
};
