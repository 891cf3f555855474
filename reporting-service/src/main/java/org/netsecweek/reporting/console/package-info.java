/** The staff console's pages (static, under {@code /console}) and where they find the other services' APIs. */
package org.netsecweek.reporting.console;
