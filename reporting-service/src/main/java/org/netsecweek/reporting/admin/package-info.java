/** Admin sign-in: accounts from configuration, BCrypt-checked passwords, the suite's signed tokens. */
package org.netsecweek.reporting.admin;
