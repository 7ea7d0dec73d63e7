/** Two projects: the mock's own tests (unit + HTTP) and the contract suite, which runs against any target. */
const transform = {
  '^.+\\.ts$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }],
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/spec/**/*.test.ts', '<rootDir>/mock-server/**/*.test.ts', '<rootDir>/fixtures/**/*.test.ts'],
    },
    {
      displayName: 'contract',
      testEnvironment: 'node',
      transform,
      testMatch: ['<rootDir>/contract-tests/**/*.test.ts'],
    },
  ],
};
