// Starts the interactive API reference (/api/docs) from a file of its own, so that page's Content-Security-Policy
// allows no inline script. The OpenAPI address comes from the page's #app element.
(function () {
  var app = document.getElementById('app');
  Scalar.createApiReference(app, { url: app.getAttribute('data-openapi'), _integration: 'dotnet' });
})();
