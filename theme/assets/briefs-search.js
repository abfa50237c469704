/* Policy briefs: mounts Pagefind's search UI into the header (extra.briefs_search: pagefind).
   The bundle (pagefind-ui.js, the index) is the site's own pagefind/ folder, written by the MkDocs
   hook after the build; a large site has more bundles (pagefind-2/, ...), listed in
   pagefind/briefs-bundles.json, whose results Pagefind merges with the first's. On narrow screens
   the header's magnifier (Material's #__search toggle) opens the box. */
(function () {
  "use strict";
  var box = document.getElementById("briefs-search");
  if (!box || typeof window.PagefindUI !== "function") {
    return;
  }
  // Pagefind's result URLs start at the site's root; the site may be served below a path
  // (site_url's), which is where its pagefind/ folder sits.
  var bundle = new URL(box.dataset.bundle, document.baseURI);
  var root = bundle.pathname.replace(/pagefind\/?$/, "");
  var mount = function (merged) {
    new window.PagefindUI({
      element: "#briefs-search",
      bundlePath: bundle.pathname,
      baseUrl: root,
      mergeIndex: merged.map(function (folder) {
        return { bundlePath: root + folder, baseUrl: root };
      }),
      showImages: false,
      showSubResults: false,
      excerptLength: 18,
      resetStyles: true,
      // A long page (an actor's in many briefs) is not ranked down for its length, and a word
      // found as typed ranks above longer words that begin with it: a name finds its actor first.
      ranking: { pageLength: 0.1, termSimilarity: 4.0 },
      // Each result says what it is (brief, actor, subject, topic) and, for a brief, its date.
      processResult: function (result) {
        var meta = result.meta || {};
        if (meta.kind) {
          meta.title = meta.kind + (meta.date ? " · " + meta.date : "") + " — " + (meta.title || "");
        }
        return result;
      },
      translations: { placeholder: box.dataset.placeholder || "Search" },
    });
    box.classList.add("is-ready");
    labelField();
    new MutationObserver(function () {
      window.requestAnimationFrame(countByKind);
    }).observe(box, { childList: true, subtree: true, characterData: true });
  };
  fetch(new URL("briefs-bundles.json", bundle))
    .then(function (response) {
      return response.ok ? response.json() : { merge: [] };
    })
    .catch(function () {
      return { merge: [] };
    })
    .then(function (manifest) {
      mount(Array.isArray(manifest.merge) ? manifest.merge : []);
    });
  // Pagefind names its field with a title only: an accessible name instead, and no title for
  // Material's tooltips to turn into a tooltip over the field.
  function labelField() {
    var field = box.querySelector("input");
    if (field) {
      field.setAttribute("aria-label", box.dataset.placeholder || "Search");
      field.removeAttribute("title");
    }
  }

  // Pagefind counts pages ("1,310 results"); a reader wants briefs. Its filter of kinds counts the
  // results of each kind (only the ticked kinds count when some are ticked): a line of those counts
  // stands in for Pagefind's, which stays, hidden, for Pagefind to go on updating.
  var KINDS = { Brief: ["brief", "briefs"], Actor: ["actor", "actors"], Subject: ["subject", "subjects"], Topic: ["topic", "topics"] };
  function countByKind() {
    var message = box.querySelector(".pagefind-ui__message");
    var line = box.querySelector(".briefs-counts");
    var found = {};
    var values = box.querySelectorAll(".pagefind-ui__filter-value");
    var ticked = box.querySelectorAll(".pagefind-ui__filter-value input:checked").length > 0;
    values.forEach(function (value) {
      var count = /^\s*(\S+)\s*\((\d+)\)\s*$/.exec(value.textContent || "");
      var checkbox = value.querySelector("input");
      if (count && KINDS[count[1]] && (!ticked || (checkbox && checkbox.checked))) {
        found[count[1]] = count[2];
      }
    });
    var counts = [];
    Object.keys(KINDS).forEach(function (kind) {
      if (found[kind] && found[kind] !== "0") {
        counts.push(found[kind] + " " + KINDS[kind][found[kind] === "1" ? 0 : 1]);
      }
    });
    var text = message && /^\d/.test(message.textContent || "") && counts.length ? counts.join(", ") : "";
    if (!text) {
      box.classList.remove("has-counts");
      if (line) {
        line.remove();
      }
      return;
    }
    if (!line || line.previousElementSibling !== message) {
      line = line || document.createElement("p");
      line.className = "briefs-counts";
      message.insertAdjacentElement("afterend", line);
    }
    if (line.textContent !== text) {
      line.textContent = text;
    }
    box.classList.add("has-counts");
  }

  var input = function () {
    return box.querySelector("input");
  };
  var toggle = document.getElementById("__search");
  if (toggle) {
    toggle.addEventListener("change", function () {
      var field = input();
      if (toggle.checked && field) {
        field.focus();
      }
    });
  }
  // Escape closes: it empties the box (and so the results) and, on narrow screens, the panel.
  box.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") {
      return;
    }
    var field = input();
    if (field && field.value) {
      field.value = "";
      field.dispatchEvent(new Event("input", { bubbles: true }));
    }
    if (toggle && toggle.checked) {
      toggle.checked = false;
    }
  });
})();
