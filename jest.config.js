/** Jest runs the TypeScript sources through ts-jest. The source tree is ES modules (so that the
 *  task-pane bundle tree-shakes); tests run as CommonJS, which jest supports without flags. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true, esModuleInterop: true } }],
  },
};
