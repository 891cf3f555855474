package org.netsecweek.reporting.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@EnableConfigurationProperties(ConsoleSettings.class)
@Tag(name = "console", description = "The staff console's settings")
class ConsoleController {

	private final ConsoleSettings settings;

	ConsoleController(ConsoleSettings settings) {
		this.settings = settings;
	}

	/** Public: the addresses are no secret, and the console needs them before anyone signs in. */
	@GetMapping("/api/console")
	@Operation(summary = "Where the staff console reaches each service's API (an empty address: the console's origin)")
	ConsoleSettings services() {
		return settings;
	}
}
