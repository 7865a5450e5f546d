// The shared page remembers the commenter's name in this browser only
// (localStorage), and fills it in on the next visit. Nothing is sent anywhere.
"use strict";

const KEY = "headway.commenter-name";

function stored() {
  try {
    return window.localStorage.getItem(KEY) || "";
  } catch (error) {
    return "";  // storage switched off: nothing remembered
  }
}

function remember(name) {
  try {
    window.localStorage.setItem(KEY, name);
  } catch (error) {
    // storage switched off: the name is simply asked again next time
  }
}

document.addEventListener("DOMContentLoaded", () => {
  const name = stored();
  for (const input of document.querySelectorAll(".comment-form input[name=author]")) {
    if (!input.value && name) input.value = name;
  }
});

document.addEventListener("submit", (event) => {
  const form = event.target.closest(".comment-form");
  const input = form && form.querySelector("input[name=author]");
  if (input && input.value.trim()) remember(input.value.trim());
});
