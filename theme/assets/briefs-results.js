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

  window.Worker = function (url, options) {
    var worker = new Native(url, options);
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
