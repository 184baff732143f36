// Lint rules: typescript-eslint's recommended set with its type-aware rules (the type checker's
// project service reads tsconfig.json), plus the dependency rule that keeps the core free of chat
// platforms, the database and cron. Plain JavaScript files (this one, prisma/*.mjs) are outside the
// TypeScript project and get the rules that need no types.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["src/generated/**", "node_modules/**", "data/**", "reports/**", "coverage/**"] },
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
  },
  { files: ["**/*.js", "**/*.mjs", "**/*.cjs"], ...tseslint.configs.disableTypeChecked },
  {
    rules: {
      // Async functions without an await are deliberate here: they implement promise-returning
      // ports (stores, senders, drivers) and turn a throw into a rejection.
      "@typescript-eslint/require-await": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Tests and the local fakes read wire payloads (JSON of any shape) and compare raw protocol numbers
    // with discord-api-types' enums on purpose; the product code (src/) keeps every type-aware rule.
    files: ["tests/**/*.ts"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-enum-comparison": "off",
      "@typescript-eslint/no-base-to-string": "off",
      "@typescript-eslint/unbound-method": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["discord.js", "@discordjs/*", "@slack/*"], message: "src/core must not import a chat platform." },
            {
              group: ["@prisma/*", "**/generated/**", "**/storage/**", "pg", "better-sqlite3"],
              message: "src/core must not import the database.",
            },
            { group: ["node-cron"], message: "src/core must not import cron." },
            { group: ["node:fs", "node:fs/*", "node:net", "node:http"], message: "src/core does no I/O." },
          ],
        },
      ],
    },
  },
);
