/**
 * The directory of grassroots union organisations per union, which workers choose from at registration and union
 * staff maintain by CSV import (preview first, then apply, all or nothing).
 */
package org.netsecweek.quiz.organisation;
