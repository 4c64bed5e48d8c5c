package io.funnel.capture.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

public record ContentRequest(@NotBlank @Size(max = 300) String title,
        @NotBlank @Pattern(regexp = "ebook|webinar|article|video|case-study|whitepaper|newsletter|podcast|other",
                message = "must be one of ebook, webinar, article, video, case-study, whitepaper, newsletter, "
                        + "podcast, other") String format,
        UUID campaignId, @Size(max = 200) String author,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String url,
        LocalDate plannedOn) {
}
