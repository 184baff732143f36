// Lint rules: typescript-eslint's recommended set, plus the dependency rule that keeps the core
// free of chat platforms, the database and cron.
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["src/generated/**", "node_modules/**", "data/**", "reports/**"] },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
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
