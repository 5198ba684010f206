package io.bulwark.pbx.web.api;

import io.bulwark.pbx.identity.Area;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The area a resource (or one of its methods) belongs to: reading it (GET, HEAD) needs view access
 * there, anything else edit access. {@link PermissionFilter} enforces it for every request; a
 * resource without it is refused to everyone.
 */
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Guarded {
  Area value();
}
