/**
 * The failures Fulcrum reports to its callers, in plain Java so the analysis core, the dataset
 * model and the command line can throw them: {@link org.fulcrum.error.InvalidRequestException}
 * (400), {@link org.fulcrum.error.NotFoundException} (404), {@link org.fulcrum.error.ConflictException}
 * (409). Anything else that escapes a request is a server fault (500 with a reference to the log).
 */
package org.fulcrum.error;
