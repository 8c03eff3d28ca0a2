#include "geo/projection.h"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>
#include <vector>

#include "geo/distance.h"

namespace codriver::geo {
namespace {

// Degrees spanning `m` metres of latitude (or of longitude at the equator).
double deg(double m) {
  return m / 111195.0802335329;
}

TEST(ProjectOnSegmentTest, PointRightOfNorthGoingSegment) {
  const LatLon a{0.0, 0.0};
  const LatLon b{deg(100.0), 0.0};
  const SegmentProjection s = project_on_segment({deg(50.0), deg(10.0)}, a, b);
  EXPECT_NEAR(s.fraction, 0.5, 1e-9);
  EXPECT_NEAR(s.cross_track_m, 10.0, 1e-6);
  EXPECT_NEAR(s.distance_m, 10.0, 1e-6);
  EXPECT_NEAR(s.point.lat, deg(50.0), 1e-12);
  EXPECT_NEAR(s.point.lon, 0.0, 1e-12);
}

TEST(ProjectOnSegmentTest, PointLeftOfNorthGoingSegmentIsNegative) {
  const SegmentProjection s =
      project_on_segment({deg(25.0), deg(-7.0)}, {0.0, 0.0}, {deg(100.0), 0.0});
  EXPECT_NEAR(s.fraction, 0.25, 1e-9);
  EXPECT_NEAR(s.cross_track_m, -7.0, 1e-6);
  EXPECT_NEAR(s.distance_m, 7.0, 1e-6);
}

TEST(ProjectOnSegmentTest, SouthOfEastGoingSegmentIsRight) {
  // Heading east, the right-hand side is south. At 45 degrees a degree of
  // longitude is shorter, which the local projection accounts for.
  const LatLon a{45.0, 10.0};
  const LatLon b{45.0, 10.002};
  const SegmentProjection s = project_on_segment({45.0 - deg(10.0), 10.0015}, a, b);
  EXPECT_NEAR(s.fraction, 0.75, 1e-6);
  EXPECT_NEAR(s.cross_track_m, 10.0, 1e-3);
  EXPECT_NEAR(s.distance_m, 10.0, 1e-3);
  EXPECT_NEAR(s.point.lat, 45.0, 1e-12);
}

TEST(ProjectOnSegmentTest, SwappingDirectionFlipsSignOnly) {
  const LatLon a{31.20, 121.40};
  const LatLon b{31.21, 121.42};
  const LatLon p{31.209, 121.405};
  const SegmentProjection ab = project_on_segment(p, a, b);
  const SegmentProjection ba = project_on_segment(p, b, a);
  EXPECT_NEAR(ab.cross_track_m, -ba.cross_track_m, 1e-6);
  EXPECT_NEAR(ab.distance_m, ba.distance_m, 1e-6);
  EXPECT_NEAR(ab.fraction, 1.0 - ba.fraction, 1e-9);
  EXPECT_LT(ab.cross_track_m, 0.0);  // north-west of a north-east-going segment: left
}

TEST(ProjectOnSegmentTest, AgreesWithHaversineForRoadScaleSegments) {
  const LatLon a{48.85, 2.35};
  const LatLon b{48.86, 2.37};  // ~1.8 km
  const LatLon p{48.857, 2.357};
  const SegmentProjection s = project_on_segment(p, a, b);
  EXPECT_GT(s.fraction, 0.0);
  EXPECT_LT(s.fraction, 1.0);
  // ~310 m off the segment: the flat-plane distance is within 2 mm (7e-6
  // relative) of the great-circle one.
  EXPECT_NEAR(s.distance_m, distance_m(p, s.point), 5e-3);
  EXPECT_NEAR(std::abs(s.cross_track_m), s.distance_m, 1e-9);
}

TEST(ProjectOnSegmentTest, ClampsBeforeStartAndAfterEnd) {
  const LatLon a{0.0, 0.0};
  const LatLon b{deg(100.0), 0.0};
  const SegmentProjection before = project_on_segment({deg(-30.0), deg(40.0)}, a, b);
  EXPECT_EQ(before.fraction, 0.0);
  EXPECT_EQ(before.point, a);
  EXPECT_NEAR(before.distance_m, 50.0, 1e-6);  // 3-4-5 triangle
  // Cross track is measured against the line through a and b, not the endpoint.
  EXPECT_NEAR(before.cross_track_m, 40.0, 1e-6);

  const SegmentProjection after = project_on_segment({deg(130.0), deg(-40.0)}, a, b);
  EXPECT_EQ(after.fraction, 1.0);
  EXPECT_NEAR(after.point.lat, b.lat, 1e-15);
  EXPECT_NEAR(after.point.lon, b.lon, 1e-15);
  EXPECT_NEAR(after.distance_m, 50.0, 1e-6);
  EXPECT_NEAR(after.cross_track_m, -40.0, 1e-6);
}

TEST(ProjectOnSegmentTest, DegenerateSegment) {
  const LatLon a{10.0, 20.0};
  const LatLon p{10.0 + deg(30.0), 20.0};
  const SegmentProjection s = project_on_segment(p, a, a);
  EXPECT_EQ(s.fraction, 0.0);
  EXPECT_EQ(s.point, a);
  EXPECT_EQ(s.cross_track_m, 0.0);
  EXPECT_NEAR(s.distance_m, 30.0, 1e-6);
}

TEST(ProjectOnSegmentTest, SegmentAcrossAntimeridian) {
  const LatLon a{0.0, 180.0 - deg(50.0)};
  const LatLon b{0.0, -180.0 + deg(50.0)};  // 100 m heading east
  const SegmentProjection s = project_on_segment({-deg(5.0), 180.0 - deg(25.0)}, a, b);
  EXPECT_NEAR(s.fraction, 0.25, 1e-6);
  EXPECT_NEAR(s.cross_track_m, 5.0, 1e-3);  // south of east-going: right
  EXPECT_NEAR(s.distance_m, 5.0, 1e-3);
  EXPECT_TRUE(is_valid(s.point));
}

TEST(ProjectOnPolylineTest, EmptyThrows) {
  EXPECT_THROW(project_on_polyline({0.0, 0.0}, {}), std::invalid_argument);
}

TEST(ProjectOnPolylineTest, SingleVertex) {
  const std::vector<LatLon> line{{0.0, 0.0}};
  const PolylineProjection r = project_on_polyline({0.0, deg(12.0)}, line);
  EXPECT_EQ(r.segment_index, 0u);
  EXPECT_EQ(r.fraction, 0.0);
  EXPECT_EQ(r.point, line[0]);
  EXPECT_EQ(r.distance_along_m, 0.0);
  EXPECT_EQ(r.cross_track_m, 0.0);
  EXPECT_NEAR(r.distance_m, 12.0, 1e-6);
}

// An L: 100 m north, then 100 m east.
const std::vector<LatLon> kEll{{0.0, 0.0}, {deg(100.0), 0.0}, {deg(100.0), deg(100.0)}};

TEST(ProjectOnPolylineTest, PicksNearestSegment) {
  // 8 m south of the east-going leg, halfway along it.
  const PolylineProjection r = project_on_polyline({deg(92.0), deg(50.0)}, kEll);
  EXPECT_EQ(r.segment_index, 1u);
  EXPECT_NEAR(r.fraction, 0.5, 1e-6);
  EXPECT_NEAR(r.distance_m, 8.0, 1e-6);
  EXPECT_NEAR(r.cross_track_m, 8.0, 1e-6);  // south of east-going: right
  EXPECT_NEAR(r.distance_along_m, 150.0, 1e-6);
}

TEST(ProjectOnPolylineTest, PointOnFirstSegmentLeftSide) {
  const PolylineProjection r = project_on_polyline({deg(30.0), deg(-3.0)}, kEll);
  EXPECT_EQ(r.segment_index, 0u);
  EXPECT_NEAR(r.fraction, 0.3, 1e-9);
  EXPECT_NEAR(r.cross_track_m, -3.0, 1e-6);
  EXPECT_NEAR(r.distance_along_m, 30.0, 1e-6);
}

TEST(ProjectOnPolylineTest, OutsideCornerSnapsToSharedVertex) {
  // North-west of the corner: nearest to the vertex itself. Both legs reach it
  // (as the end of leg 0 or the start of leg 1), and which one wins is down to
  // rounding in their slightly different local planes; either is correct.
  const PolylineProjection r = project_on_polyline({deg(110.0), deg(-10.0)}, kEll);
  const bool end_of_first = r.segment_index == 0 && r.fraction == 1.0;
  const bool start_of_second = r.segment_index == 1 && r.fraction == 0.0;
  EXPECT_TRUE(end_of_first || start_of_second) << r.segment_index << " " << r.fraction;
  EXPECT_NEAR(r.point.lat, kEll[1].lat, 1e-15);
  EXPECT_NEAR(r.point.lon, kEll[1].lon, 1e-15);
  EXPECT_NEAR(r.distance_m, std::hypot(10.0, 10.0), 1e-6);
  EXPECT_NEAR(r.distance_along_m, 100.0, 1e-6);
}

TEST(ProjectOnPolylineTest, LastVertexIsFullLength) {
  const PolylineProjection r = project_on_polyline(kEll.back(), kEll);
  EXPECT_EQ(r.segment_index, 1u);
  EXPECT_EQ(r.fraction, 1.0);
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_DOUBLE_EQ(r.distance_along_m, polyline_length_m(kEll));
}

TEST(PolylineLengthTest, SumsGreatCircleLegs) {
  EXPECT_EQ(polyline_length_m({}), 0.0);
  const std::vector<LatLon> one{{1.0, 2.0}};
  EXPECT_EQ(polyline_length_m(one), 0.0);
  EXPECT_NEAR(polyline_length_m(kEll), 200.0, 1e-6);
  const std::vector<LatLon> degrees{{0.0, 0.0}, {1.0, 0.0}, {2.0, 0.0}, {2.0, 0.0}};
  EXPECT_NEAR(polyline_length_m(degrees), 2.0 * 111195.0802335329, 1e-6);
}

}  // namespace
}  // namespace codriver::geo
