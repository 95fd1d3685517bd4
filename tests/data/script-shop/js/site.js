// The footer (contact details and the policy links) is fetched as a partial, after a delay.
window.addEventListener('DOMContentLoaded', function () {
  setTimeout(function () {
    fetch('/partials/footer.html')
      .then(function (r) { return r.text(); })
      .then(function (html) { document.getElementById('footer').innerHTML = html; });
  }, 1500);
});
