/* Swagger UI on the API's own description. "Authorize" takes a bearer token of the realm. */
window.addEventListener('load', function () {
  'use strict';
  window.ui = SwaggerUIBundle({
    url: '/openapi?format=JSON',
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: false
  });
});
