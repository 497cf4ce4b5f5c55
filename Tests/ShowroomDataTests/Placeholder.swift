import Testing
@testable import ShowroomData
