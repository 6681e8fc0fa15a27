/**
 * One name per chapter, used by the sidebar (observablehq.config.ts), the start page, the topic
 * heatmap and each chapter's title, so a reader meets the same name everywhere. `topic` is the
 * passages table's topic that the chapter is about, if any.
 */
export const CHAPTERS = [
  {name: "Start here", path: "/"},
  {name: "The licence", path: "/licensing", topic: "licensing"},
  {name: "Revenue sharing", path: "/revenue-sharing", topic: "revenue-sharing"},
  {name: "The seeding allegation", path: "/seeding", topic: "seeding"},
  {name: "The bill", path: "/capex", topic: "capex"},
  {name: "The sources", path: "/sources"},
  {name: "Try your own article", path: "/try"},
  {name: "How it's made", path: "/method"},
  {name: "Glossary", path: "/glossary"}
];

/** The chapter name for a topic of the passages table ("capex" → "The bill"). */
export const CHAPTER_OF_TOPIC = Object.fromEntries(CHAPTERS.filter((c) => c.topic).map((c) => [c.topic, c.name]));
