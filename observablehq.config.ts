// Observable Framework configuration. No stylesheet or script is loaded from a third-party
// host: the default theme's web-font import is dropped (globalStylesheets: []) and every
// library is bundled from node_modules.
export default {
  title: "Llama Ledger",
  root: "src",
  // LEDGER_OUTPUT lets a test build a variant of the site (an extra article, a sub-path) beside the real one.
  output: process.env.LEDGER_OUTPUT ?? "dist",
  pages: [
    {name: "Start here", path: "/"},
    {name: "The licence", path: "/licensing"},
    {name: "Revenue sharing", path: "/revenue-sharing"},
    {name: "The seeding allegation", path: "/seeding"},
    {name: "The bill", path: "/capex"},
    {name: "The sources", path: "/sources"},
    {name: "How it's made", path: "/method"}
  ],
  style: "style.css",
  globalStylesheets: [],
  head: `<link rel="icon" href="data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 16 16'%3E%3Crect width='16' height='16' rx='3' fill='%23334'/%3E%3Ctext x='8' y='12' font-size='11' text-anchor='middle' fill='white' font-family='sans-serif'%3EL%3C/text%3E%3C/svg%3E">`,
  footer: "Llama Ledger: news articles are evidence and are quoted as data; outside facts come from data/reference with their sources and confidence.",
  search: true,
  toc: true,
  pager: true,
  preserveExtension: true
};
