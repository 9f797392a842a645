// Small progressive enhancements; every page works without them.
"use strict";
document.addEventListener("DOMContentLoaded", () => {
  // Filter forms: leave empty fields out of the URL.
  document.querySelectorAll("form.filters").forEach((form) => {
    form.addEventListener("submit", () => {
      form.querySelectorAll("input, select").forEach((field) => {
        if (field.name && field.value === "") field.disabled = true;
      });
    });
  });
  // Coming back to a page from history must not leave those fields disabled.
  window.addEventListener("pageshow", () => {
    document.querySelectorAll("form.filters [disabled]").forEach((field) => { field.disabled = false; });
  });
  // Article view: hovering a mention outlines every mention of the same entity.
  const text = document.getElementById("doc-text");
  if (text) {
    const same = (href) => text.querySelectorAll('a.ent[href="' + CSS.escape(href) + '"]');
    text.querySelectorAll("a.ent").forEach((link) => {
      const href = link.getAttribute("href");
      link.addEventListener("mouseenter", () => same(href).forEach((el) => el.classList.add("hover-same")));
      link.addEventListener("mouseleave", () => same(href).forEach((el) => el.classList.remove("hover-same")));
    });
  }
});
