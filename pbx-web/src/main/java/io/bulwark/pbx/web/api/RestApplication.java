package io.bulwark.pbx.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Mounts the API. */
@ApplicationPath("/api/v1")
public class RestApplication extends Application {}
