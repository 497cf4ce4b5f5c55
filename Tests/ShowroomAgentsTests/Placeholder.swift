import Testing
@testable import ShowroomAgents
