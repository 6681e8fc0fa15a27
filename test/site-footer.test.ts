import {test} from "node:test";
import assert from "node:assert/strict";
import {footer} from "../loaders/site-footer.ts";

const settings = {branch: "main", buildDate: "2026-12-01"};

test("with a repository set, the footer links the page's source and its edit view there", () => {
  const html = footer({title: "The bill", path: "/capex"}, {...settings, repository: "https://example.org/you/ledger/"});
  assert.match(html, /class="view-source" href="https:\/\/example\.org\/you\/ledger\/blob\/main\/src\/capex\.md"/);
  assert.match(html, /class="edit-page" href="https:\/\/example\.org\/you\/ledger\/edit\/main\/src\/capex\.md"/);
  assert.match(html, /href="https:\/\/example\.org\/you\/ledger\/blob\/main\/RIGHTS\.md"/);
});

test("without one, the source is the site's own copy and there is no edit link", () => {
  const html = footer({title: null, path: "/"}, {...settings, repository: ""});
  assert.match(html, /class="view-source" href="_source\/src\/index\.md"/);
  assert.doesNotMatch(html, /edit-page|github\.com/);
  assert.match(html, /href="_source\/RIGHTS\.md"/);
});
