import Testing
@testable import ShowroomLLM
