/** Page tests: Taro's components become plain DOM, @tarojs/taro a mock (see test/stubs). */
module.exports = {
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
  transform: {
    '^.+\\.(t|j)sx?$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', tsx: true },
          transform: { react: { runtime: 'automatic' } },
          target: 'es2020',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // NutUI and the shared package ship ES modules / TypeScript source: compile them too.
  transformIgnorePatterns: ['/node_modules/(?!(@nutui|@weiquan)/)'],
  moduleNameMapper: {
    '^@tarojs/components$': '<rootDir>/test/stubs/components.tsx',
    '^@tarojs/taro$': '<rootDir>/test/stubs/taro.ts',
    '^@weiquan/shared$': '<rootDir>/../shared/src/index.ts',
    '\\.(css|scss)$': '<rootDir>/test/stubs/style.ts',
  },
  testTimeout: 15000,
};
