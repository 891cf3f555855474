/**
 * Campaigns are data: a YAML definition per campaign (window, time zone, theme day, rules, unions and their
 * targets, report deadline), loaded and validated at start-up. A broken definition stops the service with a
 * message naming the file, the field and the problem.
 */
package org.netsecweek.platform.campaign;
