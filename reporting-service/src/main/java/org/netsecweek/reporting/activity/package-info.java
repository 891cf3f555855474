/**
 * Offline activities (进企业、进车间、进班组 and other forms) that union admins record until the report deadline,
 * checked against the campaign window and the organisation directory.
 */
package org.netsecweek.reporting.activity;
