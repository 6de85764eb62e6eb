// Two jest projects:
//  - "app": pages, components and services under a Taro H5 runtime in jsdom (test-utils-react preset,
//    with the fixes from ../shared/toolchain: narrow transformIgnorePatterns, .mjs, Taro loaded first).
//  - "node": domain rules, content pack and the server in plain Node.
const defineJestConfig = require('@tarojs/test-utils-react/dist/jest.js').default

const app = defineJestConfig({
  displayName: 'app',
  rootDir: __dirname,
  testMatch: ['<rootDir>/test/app/**/*.test.{ts,tsx}', '<rootDir>/test/services/**/*.test.{ts,tsx}'],
  transformIgnorePatterns: ['/node_modules/(jest-[^/]+|@jest|babel-jest|pretty-format|react-is)/'],
  transform: {
    '^.+\\.(mjs|cjs|js|jsx|ts|tsx)$': require.resolve('@tarojs/test-utils-react/dist/jest/babel-transformer.js'),
  },
  setupFiles: [require.resolve('@tarojs/test-utils-react/dist/jest/jest.setup.js'), '<rootDir>/test/setup/taro-setup.js'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  moduleNameMapper: {
    '\\.(css|less|sass|scss|styl)$': '<rootDir>/test/setup/style-mock.js',
  },
})

const node = {
  displayName: 'node',
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/test/domain/**/*.test.ts',
    '<rootDir>/test/content/**/*.test.ts',
    '<rootDir>/test/server/**/*.test.ts',
    '<rootDir>/test/weapp/**/*.test.ts',
    '<rootDir>/test/e2e/**/*.test.ts',
    '<rootDir>/test/reliability/**/*.test.ts',
    '<rootDir>/test/budgets/**/*.test.ts',
    '<rootDir>/test/tooling/**/*.test.ts',
    '<rootDir>/test/deploy/**/*.test.ts',
  ],
  transform: {
    '^.+\\.(ts|tsx|js|mjs)$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' }, modules: 'commonjs' }], '@babel/preset-typescript'],
      },
    ],
  },
  // cookie 2 (light-my-request, behind app.inject) and content-disposition 3 are ESM-only: Node 20.19+
  // loads them with require(esm), jest's CommonJS runtime needs them compiled.
  transformIgnorePatterns: ['/node_modules/(?!(cookie|content-disposition)/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'json'],
}

// bail/verbose are run-wide options, not per project
delete app.bail
delete app.verbose

module.exports = { projects: [app, node] }
