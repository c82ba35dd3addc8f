// Prettier: the house's long lines (120, where the code already broke its lines), double quotes,
// semicolons and trailing commas everywhere (what the code already wrote). `npm run lint` checks it;
// `npx prettier --write .` applies it.
export default {
  printWidth: 120,
  singleQuote: false,
  semi: true,
  trailingComma: "all",
};
