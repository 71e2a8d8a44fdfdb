/** Jest runs the TypeScript sources through ts-jest. The source tree is ES modules (so that the
 *  task-pane bundle tree-shakes); tests run as CommonJS, which jest supports without flags. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // office-addin-mock needs only the OfficeApp enum of office-addin-manifest, whose full entry pulls in
  // ES-module-only packages (strip-bom 5, uuid 13) that jest's CommonJS cannot load: give it that one file.
  moduleNameMapper: { "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js" },
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: { module: "commonjs", moduleResolution: "node", isolatedModules: true, esModuleInterop: true } }],
  },
};
