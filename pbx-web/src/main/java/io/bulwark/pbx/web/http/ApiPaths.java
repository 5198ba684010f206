package io.bulwark.pbx.web.http;

/** Which requests are the REST API's. */
final class ApiPaths {

  static final String PREFIX = "/api/";

  private ApiPaths() {}

  static boolean isApi(String requestUri, String contextPath) {
    return requestUri != null && requestUri.startsWith(contextPath + PREFIX);
  }
}
