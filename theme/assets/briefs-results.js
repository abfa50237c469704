/* Policy briefs: Material's search (extra.briefs_search: material) says what each result is — a
   brief (with its date), an actor, a subject or a topic — and counts briefs, not pages. The counts
   come from the results the search worker sends (every matching page, not only those shown yet);
   loaded before Material's bundle, which creates the worker. */
(function () {
  "use strict";
  var Native = window.Worker;
  if (typeof Native !== "function") {
    return;
  }
  var KINDS = [
    ["briefs/", "brief", "briefs"],
    ["actors/", "actor", "actors"],
    ["subjects/", "subject", "subjects"],
    ["topics/", "topic", "topics"],
  ];
  var counts = null;
  // A brief's date by page address, from the text of its first section (its date line).
  var dates = {};

  function kindOf(location) {
    var path = new URL(location, document.baseURI).pathname;
    var root = new URL(".", document.querySelector("base") ? document.baseURI : siteRoot()).pathname;
    var inside = path.indexOf(root) === 0 ? path.slice(root.length) : path.replace(/^\//, "");
    for (var i = 0; i < KINDS.length; i++) {
      if (inside.indexOf(KINDS[i][0]) === 0 && inside.length > KINDS[i][0].length) {
        return KINDS[i];
      }
    }
    return null;
  }

  // Material's config names the site's root (its `base`), from which result locations start.
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", location.href).href;
  }

  function pageOf(href) {
    var url = new URL(href, siteRoot());
    return url.origin + url.pathname;
  }

  function tally(groups) {
    var found = {};
    groups.forEach(function (group) {
      var kind = group.length ? kindOf(new URL(group[0].location, siteRoot()).href) : null;
      var name = kind ? kind[1] : "page";
      found[name] = (found[name] || 0) + 1;
      var date = name === "brief" ? /\d{4}-\d{2}-\d{2}/.exec(group[0].text || "") : null;
      if (date) {
        dates[pageOf(group[0].location)] = date[0];
      }
    });
    return found;
  }

  function describe(found) {
    var parts = [];
    KINDS.concat([["", "page", "other pages"]]).forEach(function (kind) {
      var count = found[kind[1]];
      if (count) {
        parts.push(count + " " + (count === 1 ? kind[1] : kind[2]));
      }
    });
    return parts.length ? parts.join(", ") : "";
  }

  // Material's search appends a wildcard to every word of a query, so in a phrase the small words
  // match any name they begin ('we' finds 'Werner'), and its index holds none of them. A query of
  // several words is sent without them: a phrase of a quote or a figure's measure finds its brief.
  var SMALL_WORDS = (
    "a about after all also an and any are as at be been before but by can could did do does for " +
    "from had has have he her here him his how i if in into is it its just me more most my no not " +
    "now of on one or our out she so some than that the their them then there these they this " +
    "those to too up us very was we were what when where which while who will with would you your"
  ).split(" ");

  function withoutSmallWords(query) {
    var words = query.split(/\s+/).filter(Boolean);
    var kept = words.filter(function (word) {
      return SMALL_WORDS.indexOf(word.toLowerCase().replace(/^\W+|\W+$/g, "")) < 0;
    });
    return words.length > 1 && kept.length ? kept.join(" ") : query;
  }

  window.Worker = function (url, options) {
    var worker = new Native(url, options);
    var post = worker.postMessage.bind(worker);
    worker.postMessage = function (message, transfer) {
      if (message && message.type === 2 && typeof message.data === "string") {
        message = { type: message.type, data: withoutSmallWords(message.data) };
      }
      return transfer === undefined ? post(message) : post(message, transfer);
    };
    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (message && message.data && Array.isArray(message.data.items)) {
        counts = tally(message.data.items);
        window.requestAnimationFrame(label);
      }
    });
    return worker;
  };
  window.Worker.prototype = Native.prototype;

  function label() {
    var meta = document.querySelector(".md-search-result__meta");
    var text = counts ? describe(counts) : "";
    if (meta && text && meta.textContent !== text) {
      meta.textContent = text;
    }
    document.querySelectorAll(".md-search-result__item > .md-search-result__link").forEach(function (link) {
      var article = link.querySelector(".md-search-result__article");
      if (!article || article.querySelector(".briefs-kind")) {
        return;
      }
      var kind = kindOf(link.href);
      var tag = document.createElement("span");
      tag.className = "briefs-kind";
      var date = kind && kind[1] === "brief" ? dates[pageOf(link.href)] : "";
      tag.textContent = (kind ? kind[1].charAt(0).toUpperCase() + kind[1].slice(1) : "Page") + (date ? " · " + date : "");
      article.insertBefore(tag, article.firstChild);
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var output = document.querySelector(".md-search-result");
    if (output) {
      new MutationObserver(function () {
        window.requestAnimationFrame(label);
      }).observe(output, { childList: true, subtree: true, characterData: true });
    }
  });
})();
