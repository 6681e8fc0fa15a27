/**
 * The articles' own words on a page: one or more sentences of a passage in the original language
 * (with its `lang`, so screen readers pronounce it), the English gloss from data/glosses.csv,
 * and a link to the passage in the sources chapter. Article text is inserted as text, never as HTML.
 *
 * evidence({sentences, glosses, articles, article_id, passage, sentence: [1, 2]})
 */
export function evidence({sentences = [], glosses = [], articles = [], article_id, passage, sentence, base = "sources.html"}) {
  const wanted = sentence === undefined ? undefined : [sentence].flat().map(Number);
  const picked = sentences
    .filter((s) => s.article_id === article_id && +s.passage === +passage && (wanted === undefined || wanted.includes(+s.sentence)))
    .sort((a, b) => a.sentence - b.sentence);
  const article = articles.find((a) => a.article_id === article_id);
  const lang = article?.language ?? "";
  const block = document.createElement("blockquote");
  block.className = "evidence";
  block.dataset.passage = `${article_id}-${passage}`;
  const original = document.createElement("span");
  original.className = "original";
  if (lang) original.lang = lang;
  original.textContent = picked.map((s) => s.text).join(" ");
  const gloss = document.createElement("span");
  gloss.className = "gloss";
  const texts = picked.map((s) => glosses.find((g) => g.article_id === article_id && +g.passage === +passage && +g.sentence === +s.sentence)?.gloss).filter(Boolean);
  gloss.textContent = texts.length ? `English gloss: ${texts.join(" ")}` : "(no English gloss yet)";
  const cite = document.createElement("span");
  cite.className = "evidence-source";
  const a = document.createElement("a");
  a.href = `${base}#p-${article_id}-${passage}`;
  a.textContent = `${article?.title ? shorten(article.title) : article_id}, passage ${passage}${lang ? ` (${lang})` : ""}`;
  cite.append("— ", a);
  block.append(original, gloss, cite);
  return block;
}

function shorten(title) {
  return title.length > 70 ? title.slice(0, 68) + "…" : title;
}
