/**
 * The location service (RFC 3261 section 10): where each extension is registered right now.
 *
 * <p>{@link io.bulwark.pbx.location.Locations} holds every address of record's {@link
 * io.bulwark.pbx.location.Binding}s in memory and answers REGISTER and routing from there; {@link
 * io.bulwark.pbx.location.RegistrationRules} decides how a REGISTER changes them. MariaDB receives
 * changes by write-behind ({@link io.bulwark.pbx.location.LocationService}: batched, one entry per
 * address however many REGISTERs, a lifetime-only refresh written every other time) and gives them
 * back at start. The map sits behind {@link io.bulwark.pbx.location.LocationStore}, so a cluster
 * can put it in an Infinispan cache.
 */
package io.bulwark.pbx.location;
