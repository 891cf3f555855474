package org.netsecweek.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.netsecweek.events.lottery.DrawCompleted;
import org.netsecweek.events.lottery.DrawOutcome;
import org.netsecweek.events.quiz.AnswerSubmitted;
import org.netsecweek.events.quiz.DrawRequested;
import org.netsecweek.events.scoring.PointsAwarded;

import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class EventRoundTripTests {

	private final JsonMapper json = JsonMapper.builder().build();

	static Stream<Arguments> fixtures() {
		return Stream.of(Arguments.of(EventFixtures.ANSWER_SUBMITTED, AnswerSubmitted.class, Topics.ANSWER_SUBMITTED, 1),
				Arguments.of(EventFixtures.POINTS_AWARDED, PointsAwarded.class, Topics.POINTS_AWARDED, 2),
				Arguments.of(EventFixtures.POINTS_AWARDED_ADJUSTMENT, PointsAwarded.class, Topics.POINTS_AWARDED, 2),
				Arguments.of(EventFixtures.DRAW_REQUESTED, DrawRequested.class, Topics.DRAW_REQUESTED, 1),
				Arguments.of(EventFixtures.DRAW_COMPLETED, DrawCompleted.class, Topics.DRAW_COMPLETED, 2));
	}

	@ParameterizedTest
	@MethodSource("fixtures")
	void readsAndWritesTheFixtureWithoutLosingOrAddingAField(String fixture, Class<? extends CampaignEvent> type,
			String topic, int schemaVersion) {
		byte[] bytes = EventFixtures.bytes(fixture);
		CampaignEvent event = json.readValue(bytes, type);

		JsonNode written = json.readTree(json.writeValueAsBytes(event));

		assertThat(written).isEqualTo(json.readTree(bytes));
		assertThat(event.topic()).isEqualTo(topic);
		assertThat(event.schemaVersion()).isEqualTo(schemaVersion);
		assertThat(event.eventId()).isNotNull();
		assertThat(event.workerId()).isEqualTo(UUID.fromString("6f1c8a52-8d3e-4b7a-9c1d-2e5f7a9b0c11"));
	}

	@Test
	void readsNestedResultsAndDaysAsTyped() {
		AnswerSubmitted event = json.readValue(EventFixtures.bytes(EventFixtures.ANSWER_SUBMITTED),
				AnswerSubmitted.class);

		assertThat(event.results()).hasSize(3).filteredOn(AnswerSubmitted.QuestionResult::correct).hasSize(2);
		assertThat(event.campaignDay()).hasToString("2022-09-05");
		assertThat(event.correctCount()).isEqualTo(2);
	}

	@Test
	void readsASchemaOnePointsAwardedWithoutSequenceOrAdjustment() {
		PointsAwarded event = json.readValue(EventFixtures.bytes(EventFixtures.POINTS_AWARDED_V1), PointsAwarded.class);

		assertThat(event.schemaVersion()).isEqualTo(1);
		assertThat(event.sequence()).isNull();
		assertThat(event.adjustmentId()).isNull();
		assertThat(event.newTotal()).isEqualTo(12);
	}

	@Test
	void readsASchemaOneDrawCompletedWithoutRedemptionCode() {
		DrawCompleted event = json.readValue(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED_V1), DrawCompleted.class);

		assertThat(event.schemaVersion()).isEqualTo(1);
		assertThat(event.outcome()).isEqualTo(DrawOutcome.PRIZE);
		assertThat(event.redemptionCode()).isNull();
	}

	@Test
	void readsTheRedemptionCodeButNeverPrintsIt() {
		DrawCompleted event = json.readValue(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED), DrawCompleted.class);

		assertThat(event.redemptionCode()).isEqualTo("K7MQ2XW9PH");
		assertThat(event.toString()).doesNotContain("K7MQ2XW9PH").contains("redemptionCode=(hidden)");
	}

	@Test
	void toleratesFieldsAddedByANewerProducer() {
		String newer = new String(EventFixtures.bytes(EventFixtures.DRAW_COMPLETED))
			.replaceFirst("\\{", "{\"addedLater\": 42,");

		DrawCompleted event = json.readValue(newer, DrawCompleted.class);

		assertThat(event.outcome()).isEqualTo(DrawOutcome.PRIZE);
	}
}
