// A "Copy" button copies the text of the field its data-copy names (the
// share link shown once) and says so in its status line. No inline script:
// the strict Content-Security-Policy allows only files like this one.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus || "");
  if (!field) return;
  let copied = false;
  try {
    await navigator.clipboard.writeText(field.value);
    copied = true;
  } catch (error) {
    // Without the Clipboard API (or its permission), select the text so a
    // keyboard copy takes it.
    field.focus();
    field.select();
  }
  if (status) {
    status.textContent = copied ? "Copied." : "Selected: press Ctrl+C (⌘C) to copy.";
  }
});
