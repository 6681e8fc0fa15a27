/**
 * "3 of 5 checks right": a chapter's progress line, and the start page's list of every chapter's.
 *
 * The chapter line counts the checks on its own page (form.check, whatever made them) and their
 * state, so it is right the moment a check answers, with storage or without. The start page cannot
 * see other pages' checks: it reads their ids from the build's list (src/data/checks.json, made by
 * scanning the pages' check cells) and their saved answers from localStorage (check.js writes
 * `ledger:check:<id>` as {value, right}).
 *
 * "Clear my answers" removes every `ledger:check:*` key and tells the page's checks to reset
 * (a `ledger-checks-cleared` event, which check.js listens for).
 */

import {chapterRight, chapterTotal} from "./checkList.js";

const PREFIX = "ledger:check:";

/** How many of `total` checks are right, in words. */
export function progressText(right, total) {
  return `${right} of ${total} ${total === 1 ? "check" : "checks"} right`;
}

/** Whether this browser lets the page use localStorage at all. */
export function storageAvailable() {
  try {
    const key = `${PREFIX}__probe__`;
    localStorage.setItem(key, "1");
    localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}

/** The saved answer of a check, or null (none, unreadable, or storage disabled). */
export function savedAnswer(id) {
  try {
    return JSON.parse(localStorage.getItem(PREFIX + id) ?? "null");
  } catch {
    return null;
  }
}

/** The ids of the checks answered right in this browser (none with storage disabled). */
export function rightIds() {
  const ids = [];
  try {
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX) && savedAnswer(key.slice(PREFIX.length))?.right === true) ids.push(key.slice(PREFIX.length));
    }
  } catch {
    // Storage disabled: nothing was saved.
  }
  return ids;
}

/** Removes every saved answer; returns how many there were (0 with storage disabled). */
export function clearAnswers() {
  let removed = 0;
  try {
    const keys = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(PREFIX)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
    removed = keys.length;
  } catch {
    // Storage disabled: nothing was saved, the checks on the page are still reset below.
  }
  document.dispatchEvent(new CustomEvent("ledger-checks-cleared"));
  return removed;
}

/**
 * The progress line of the page it is on: counts the page's checks as they appear and answer.
 * `chapter` is the page's entry in the build's list (src/data/checks.json): with it, checks the
 * page draws only later (/try's, once a reader gives it an article) are counted before they
 * appear, so the line's total is the start page's; `until` says what makes them appear.
 */
export function checkProgress({chapter, until = "later"} = {}) {
  const box = element("div", {class: "check-progress"});
  const count = element("p", {class: "check-progress-count", role: "status", "aria-live": "polite"});
  const note = element("p", {class: "check-progress-note"});
  const button = element("button", {type: "button", class: "check-progress-clear"}, "Clear my answers");
  const stored = storageAvailable();
  note.textContent = stored
    ? "Your answers are kept in this browser only. Clearing them clears every chapter's."
    : "This browser does not let the page store anything: your answers count here until you leave the page, then they are forgotten.";
  box.append(count, element("div", {class: "check-progress-actions"}, button, note));
  const update = () => {
    const forms = [...document.querySelectorAll("form.check")];
    const total = Math.max(forms.length, chapter ? chapterTotal(chapter) : 0);
    const waiting = total - forms.length;
    const text = total
      ? progressText(forms.filter((f) => f.dataset.state === "right").length, total) + (waiting ? `; ${waiting} of them appear ${until}` : "")
      : "No checks on this page yet.";
    // Setting the same text again is itself a change the observer below sees: once a frame, forever.
    if (count.textContent !== text) count.textContent = text;
  };
  let queued = false;
  const later = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => ((queued = false), update()));
  };
  button.addEventListener("click", () => {
    clearAnswers();
    update();
  });
  document.addEventListener("ledger-check", update);
  // Checks are drawn by other cells, before or after this one: count again whenever the page
  // changes, until this line leaves the page (its cell re-ran).
  let shown = false;
  const observer = new MutationObserver(() => {
    if (box.isConnected) shown = true;
    else if (shown) {
      observer.disconnect();
      document.removeEventListener("ledger-check", update);
      return;
    }
    later();
  });
  observer.observe(document.getElementById("observablehq-main") ?? document.body, {childList: true, subtree: true});
  update();
  return box;
}

/**
 * The start page's progress: one line per chapter with checks, from the build's list
 * (`chapters: [{name, path, ids, prefixes?}]`, src/components/checkList.js) and the answers saved
 * in this browser.
 */
export function startProgress(chapters) {
  const box = element("div", {class: "check-progress check-progress-start"});
  const list = element("ul", {class: "check-progress-list"});
  const status = element("p", {class: "check-progress-note", role: "status", "aria-live": "polite"});
  const button = element("button", {type: "button", class: "check-progress-clear"}, "Clear my answers");
  const stored = storageAvailable();
  const update = () => {
    const right = rightIds();
    list.replaceChildren(
      ...chapters.map((chapter) => {
        const {name, path} = chapter;
        const total = chapterTotal(chapter);
        const li = element("li", {"data-path": path}, element("a", {href: `.${path}.html`}, name), ": ");
        li.append(stored ? progressText(chapterRight(chapter, right), total) : `${total} ${total === 1 ? "check" : "checks"}`);
        return li;
      })
    );
  };
  if (!stored) {
    button.disabled = true;
    status.textContent = "This browser does not let the site store anything, so answers are not kept from page to page and there is no progress to show. Each check still answers on its own page.";
  }
  button.addEventListener("click", () => {
    const removed = clearAnswers();
    update();
    status.textContent = removed ? `Cleared ${removed} saved ${removed === 1 ? "answer" : "answers"}.` : "There were no saved answers to clear.";
  });
  // Another tab answering a check updates this list.
  addEventListener("storage", (event) => (event.key === null || event.key?.startsWith(PREFIX) ? update() : null));
  update();
  box.append(list, element("div", {class: "check-progress-actions"}, button, status));
  return box;
}

function element(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attributes)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}
