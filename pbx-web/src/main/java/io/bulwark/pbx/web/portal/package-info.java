/** The PrimeFaces admin portal: one view bean per page, all calls go to pbx-ejb services. */
package io.bulwark.pbx.web.portal;
