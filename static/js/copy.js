// A copy button for a text block. Without JavaScript the button stays hidden and the
// block itself is selectable, so nothing depends on this script.
document.querySelectorAll("button[data-copy]").forEach(function (button) {
  var source = document.getElementById(button.dataset.copy);
  var status = document.getElementById(button.dataset.status);
  button.hidden = false;
  button.addEventListener("click", function () {
    source.select();
    var done = function () { status.textContent = button.dataset.done; };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(source.value).then(done, function () { document.execCommand("copy"); done(); });
    } else {
      document.execCommand("copy");
      done();
    }
  });
});
