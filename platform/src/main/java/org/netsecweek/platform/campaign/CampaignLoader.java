package org.netsecweek.platform.campaign;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.dataformat.yaml.YAMLMapper;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Reads and checks campaign definition files. */
final class CampaignLoader {

	private final YAMLMapper yaml = YAMLMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private final Validator validator;

	CampaignLoader(Validator validator) {
		this.validator = validator;
	}

	Campaigns load(CampaignSettings settings, Clock clock) {
		List<CampaignDefinition> definitions = new ArrayList<>();
		Set<String> ids = new HashSet<>();
		for (Resource resource : resources(settings.locations())) {
			CampaignDefinition definition = read(resource);
			if (!ids.add(definition.id())) {
				throw new InvalidCampaignDefinition(describe(resource) + ": id '" + definition.id()
						+ "' is used by another campaign definition", null);
			}
			definitions.add(definition);
		}
		if (settings.demo().enabled()) {
			CampaignDefinition base = definitions.stream()
				.filter(definition -> definition.id().equals(settings.demo().basedOn()))
				.findFirst()
				.orElseThrow(() -> new InvalidCampaignDefinition("netsec.campaign.demo.based-on names '"
						+ settings.demo().basedOn() + "', which no campaign definition has", null));
			LocalDate today = LocalDate.now(clock.withZone(base.timeZone()));
			definitions.add(base.movedTo(today, Campaigns.DEMO_ID, "演示活动：" + base.name()));
		}
		return new Campaigns(definitions, settings.active());
	}

	CampaignDefinition read(Resource resource) {
		CampaignDefinition definition;
		try (InputStream in = resource.getInputStream()) {
			definition = yaml.readValue(in, CampaignDefinition.class);
		}
		catch (JacksonException ex) {
			throw new InvalidCampaignDefinition(describe(resource) + ": " + ex.getPathReference() + ": "
					+ ex.getOriginalMessage(), ex);
		}
		catch (IOException ex) {
			throw new InvalidCampaignDefinition(describe(resource) + ": cannot be read: " + ex.getMessage(), ex);
		}
		List<String> problems = problems(definition);
		if (!problems.isEmpty()) {
			throw new InvalidCampaignDefinition(describe(resource) + ": " + String.join("; ", problems), null);
		}
		return definition;
	}

	/** Every problem of a definition, each naming its field; empty when it can be used. */
	List<String> problems(CampaignDefinition definition) {
		List<String> problems = new ArrayList<>();
		for (ConstraintViolation<CampaignDefinition> violation : validator.validate(definition)) {
			problems.add(violation.getPropertyPath() + " " + violation.getMessage());
		}
		if (!problems.isEmpty()) {
			problems.sort(String::compareTo);
			return problems;
		}
		if (definition.endsOn().isBefore(definition.startsOn())) {
			problems.add("endsOn " + definition.endsOn() + " is before startsOn " + definition.startsOn());
		}
		if (definition.themeDay() != null && !definition.isOpenOn(definition.themeDay().date())) {
			problems.add("themeDay.date " + definition.themeDay().date() + " is outside the campaign window");
		}
		if (!definition.reportDeadline().toLocalDate().isAfter(definition.endsOn())) {
			problems.add("reportDeadline " + definition.reportDeadline() + " is not after the last day "
					+ definition.endsOn());
		}
		definition.lessons()
			.stream()
			.filter(lesson -> !definition.isOpenOn(lesson.date()))
			.forEach(lesson -> problems.add("lessons: " + lesson.date() + " is outside the campaign window"));
		if (definition.lessons().stream().map(CampaignDefinition.Lesson::date).distinct().count() < definition.lessons()
			.size()) {
			problems.add("lessons: more than one lesson on a day");
		}
		Set<String> duplicates = definition.unions()
			.stream()
			.collect(Collectors.groupingBy(CampaignDefinition.Union::id, Collectors.counting()))
			.entrySet()
			.stream()
			.filter(entry -> entry.getValue() > 1)
			.map(java.util.Map.Entry::getKey)
			.collect(Collectors.toSet());
		if (!duplicates.isEmpty()) {
			problems.add("unions: ids used more than once: " + duplicates);
		}
		if (definition.prizes() != null) {
			Set<String> prizes = new java.util.HashSet<>();
			definition.prizes()
				.items()
				.stream()
				.filter(prize -> !prizes.add(prize.id()))
				.forEach(prize -> problems.add("prizes.items: id '" + prize.id() + "' used more than once"));
		}
		if (definition.totals() != null) {
			int organisations = definition.unions().stream().mapToInt(CampaignDefinition.Union::targetOrganisations).sum();
			int workers = definition.unions().stream().mapToInt(CampaignDefinition.Union::targetWorkers).sum();
			if (organisations != definition.totals().organisations()) {
				problems.add("totals.organisations is " + definition.totals().organisations()
						+ " but the unions' targets add up to " + organisations);
			}
			if (workers != definition.totals().workers()) {
				problems.add("totals.workers is " + definition.totals().workers()
						+ " but the unions' targets add up to " + workers);
			}
		}
		return problems;
	}

	private static List<Resource> resources(List<String> locations) {
		var resolver = new PathMatchingResourcePatternResolver();
		List<Resource> resources = new ArrayList<>();
		for (String location : locations) {
			try {
				resources.addAll(List.of(resolver.getResources(location)));
			}
			catch (IOException ex) {
				throw new InvalidCampaignDefinition("Cannot list campaign definitions at " + location, ex);
			}
		}
		return resources;
	}

	private static String describe(Resource resource) {
		return "campaign definition " + resource.getDescription();
	}
}
