// ESLint (flat config): eslint's and typescript-eslint's recommended rules over the whole TypeScript tree,
// plus React's rules of hooks for the web app. Formatting is Prettier's job (`npm run format:check`),
// layers are dependency-cruiser's (`.dependency-cruiser.cjs`). Run with `npm run lint`.
// Type-aware rules are not enabled: on this tree they cost more than the whole type check (`npm run typecheck`)
// for findings tsc's strict mode mostly covers already.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";

export default tseslint.config(
  { ignores: ["**/node_modules/", "**/dist/", ".data/", ".bin/", "test-results/", "tools/", "deploy/", "docs/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module", globals: { ...globals.node } },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      // Unused code is a real finding; a leading underscore marks a deliberately unused name.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrorsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // The input hardening matches control characters on purpose (to reject them): that is what this rule flags.
      "no-control-regex": "off",
      // Lean mongoose documents and JSON bodies in tests are `any` at the storage and HTTP edges; strict tsc
      // already refuses implicit any. Kept on below for the pure and shared code (domain, contract, web).
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["api/src/domain/**", "api/src/contract/**", "web/src/**"],
    rules: { "@typescript-eslint/no-explicit-any": "error" },
  },
  {
    files: ["**/*.cjs"],
    languageOptions: { sourceType: "commonjs" },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: ["test/**"],
    // chai's property assertions (`expect(x).to.be.true`) are expressions by design.
    rules: { "@typescript-eslint/no-unused-expressions": "off" },
  },
  {
    files: ["web/src/**/*.{ts,tsx}"],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    // The classic rules of hooks. The plugin's React Compiler diagnostics (refs, purity, set-state-in-effect…)
    // are left out: the app is not built with the compiler, and its load-in-an-effect pattern is deliberate.
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "error" },
  },
);
