/** Defaults and beans every service shares: the platform property defaults and the clock. */
package org.netsecweek.platform.config;
