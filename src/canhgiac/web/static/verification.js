// Keyboard shortcuts for the verification queue: c confirm, r reject, s skip.
// Ignored while typing in a field, so the reason box still takes those letters.
document.addEventListener("keydown", function (event) {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  var target = event.target;
  if (target && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT")) return;
  var button = document.querySelector('#decision-form button[data-key="' + event.key + '"]');
  if (button) {
    event.preventDefault();
    button.click();
  }
});
