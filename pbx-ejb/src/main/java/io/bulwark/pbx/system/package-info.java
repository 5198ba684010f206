/** Platform services shared by every domain: schema migration, secret encryption, the clock. */
package io.bulwark.pbx.system;
