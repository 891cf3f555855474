/** Access to union data: province admins see every union, a union admin only their own (403 otherwise). */
package org.netsecweek.reporting.access;
