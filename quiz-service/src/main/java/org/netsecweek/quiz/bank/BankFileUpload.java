package org.netsecweek.quiz.bank;

import java.io.ByteArrayOutputStream;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.util.unit.DataSize;

/**
 * An import file sent as a request body, read whole, or refused with 413 if larger than allowed. A too-large body is
 * still read (and dropped) up to four times the limit, so the client, still sending, receives the 413 instead of a
 * reset connection.
 */
final class BankFileUpload {

	private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

	private final DataSize max;

	private long read;

	private BankFileUpload(DataSize max) {
		this.max = max;
	}

	static Mono<byte[]> read(ServerHttpRequest request, DataSize max) {
		if (request.getHeaders().getContentLength() > drainAtMost(max)) {
			return Mono.error(new BankFileTooLarge(max));
		}
		return request.getBody()
			.reduceWith(() -> new BankFileUpload(max), BankFileUpload::add)
			.<byte[]>handle((upload, sink) -> {
				if (upload.read > max.toBytes()) {
					sink.error(new BankFileTooLarge(max));
				}
				else {
					sink.next(upload.kept.toByteArray());
				}
			});
	}

	private BankFileUpload add(DataBuffer buffer) {
		try {
			read += buffer.readableByteCount();
			if (read > drainAtMost(max)) {
				throw new BankFileTooLarge(max);
			}
			if (read <= max.toBytes()) {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				kept.writeBytes(bytes);
			}
			return this;
		}
		finally {
			DataBufferUtils.release(buffer);
		}
	}

	private static long drainAtMost(DataSize max) {
		return 4 * max.toBytes();
	}
}
