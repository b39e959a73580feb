package dev.lifeboat.pgbackups;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/**
 * A daily backup schedule, from {@code GET /client/v11/databases/{addon}/transfer-schedules}.
 *
 * @param name     the attachment it backs up, e.g. {@code DATABASE_URL}
 * @param hour     the hour of day it runs, in {@code timezone}
 * @param days     the days it runs, when Heroku says (empty means every day)
 * @param timezone e.g. {@code UTC}
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record TransferSchedule(
        String uuid,
        String name,
        int hour,
        List<String> days,
        String timezone,
        Integer retainWeeks,
        Integer retainMonths) {

    public TransferSchedule {
        days = days == null ? List.of() : List.copyOf(days);
        timezone = timezone == null ? "UTC" : timezone;
    }
}
