using System;
using System.Globalization;
using System.Threading;
using Xunit;

namespace MultiTargetXunit
{
    public class Parsing
    {
        [Fact]
        public void Parses_Integer()
        {
            Assert.Equal(42, int.Parse("42", CultureInfo.InvariantCulture));
        }

        [Theory]
        [InlineData("1.5", 1.5)]
        [InlineData("2.25", 2.25)]
        public void Parses_Decimal(string text, double expected)
        {
            Assert.Equal(expected, double.Parse(text, CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Rejects_Garbage_Slowly()
        {
            Thread.Sleep(300);
            Assert.Throws<FormatException>(() => int.Parse("forty-two", CultureInfo.InvariantCulture));
        }

        [Fact]
        public void Fails_On_Purpose()
        {
            Assert.Equal("expected", "actual");
        }

        [Fact(Skip = "shows a skipped test")]
        public void Is_Skipped()
        {
        }
    }
}
