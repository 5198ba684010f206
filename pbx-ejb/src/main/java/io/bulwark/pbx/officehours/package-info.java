/**
 * Business hours and holidays: the weekly ranges the office is open, the days it is closed, and the
 * time zone they are read in. Outbound routes and extension restrictions ask whether now is inside.
 */
package io.bulwark.pbx.officehours;
